module "example.com/m"

require "example.com/a" "v1.0.0"

replace "example.com/a" => "../a"

retract "v0.1.0"
