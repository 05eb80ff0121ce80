module example.com/m

go 1.19 1.20
