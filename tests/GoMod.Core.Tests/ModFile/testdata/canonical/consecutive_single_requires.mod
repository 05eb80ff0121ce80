module example.com/app

go 1.16

require github.com/pkg/errors v0.9.1

require golang.org/x/sys v0.0.0-20220722155257-8c9f86f7a55f // indirect

require gopkg.in/yaml.v3 v3.0.1
