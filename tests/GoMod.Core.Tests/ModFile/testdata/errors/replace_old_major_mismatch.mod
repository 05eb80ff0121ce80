module example.com/m

replace example.com/a/v3 v2.0.0 => ../a
