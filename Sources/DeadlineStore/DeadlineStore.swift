// DeadlineStore
