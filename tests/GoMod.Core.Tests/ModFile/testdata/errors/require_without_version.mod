module example.com/m

require example.com/a
