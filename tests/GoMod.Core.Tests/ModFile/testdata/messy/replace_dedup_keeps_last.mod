module example.com/m

replace example.com/a v1.0.0 => ../first

replace example.com/a v1.0.0 => ../second

replace example.com/a v1.0.0 => ../third
