// DeadlineSystemd
