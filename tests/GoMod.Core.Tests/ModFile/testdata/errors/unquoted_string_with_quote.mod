module example.com/m

require example.com/it's v1.0.0
