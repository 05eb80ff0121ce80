// one


// two
// three

module example.com/m
