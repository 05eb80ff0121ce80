module "example.com/m
