module example.com/m

// final