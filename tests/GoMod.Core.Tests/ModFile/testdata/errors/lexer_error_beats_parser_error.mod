module example.com/m

require (
) "x
