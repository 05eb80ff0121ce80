module example.com/m

require example.com/a v2.0.0
