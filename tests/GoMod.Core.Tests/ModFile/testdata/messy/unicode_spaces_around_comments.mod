module example.com/m // x 　 

// y 
require example.com/a v1.0.0 // z
