module example.com/m

ignore
