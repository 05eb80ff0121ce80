module "example.com/\'"
