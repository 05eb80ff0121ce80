module example.com/m

go 1.21.0

toolchain go1.21.0

toolchain go1.21.1
