print("deadlinectl")
