module "example.com/\ud800"
