module example.com/words

go 1.17

require example.com/punct v1.1.0
