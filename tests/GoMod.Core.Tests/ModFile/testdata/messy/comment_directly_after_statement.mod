module example.com/m
// attached to go
go 1.19
// floating at end
