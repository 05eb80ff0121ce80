module example.com/m

go 1.23.0

godebug default=go1.21
