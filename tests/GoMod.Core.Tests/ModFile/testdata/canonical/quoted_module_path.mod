module "example.com/has space"

go 1.19
