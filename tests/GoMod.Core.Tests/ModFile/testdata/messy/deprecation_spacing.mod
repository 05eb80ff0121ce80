  //   Deprecated:    spaced   out   
module example.com/m
