module "example.com/\400"
