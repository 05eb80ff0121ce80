module example.com/m/v3

go 1.19

require (
	github.com/docker/docker v20.10.17+incompatible
	github.com/go-redis/redis/v8 v8.11.5
	gopkg.in/check.v1 v0.0.0-20161208181325-20d25e280405
	gopkg.in/yaml.v2 v2.4.0
)
