module example.com/m

go 1.22.0

toolchain default
