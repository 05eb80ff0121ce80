module example.com/m
 // comment
