module example.com/m//no space

require (
	example.com/a v1.0.0//tight
	example.com/b v1.0.0 	 // loose   
)
