module example.com/m

go v1.19
