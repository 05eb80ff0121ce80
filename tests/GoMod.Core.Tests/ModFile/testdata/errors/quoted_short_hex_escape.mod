module "example.com/\x4"
