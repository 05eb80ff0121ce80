module example.com/punct

go 1.17
