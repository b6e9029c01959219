print("deadlined")
