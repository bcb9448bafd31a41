"""What the app asks of the machine: the date (`clock`, the one place that reads it) and files
written safely on each platform (`platform`: fsync, rename, folder sync, names Windows refuses).
"""
