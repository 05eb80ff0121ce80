module example.com/m

toolchain go1.21.0 go1.21.1
