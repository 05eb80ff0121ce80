module example.com/Shout

go 1.17

require example.com/punct v1.0.0
