module example.com/m

replace example.com/a v1.0.0
