// DeadlineConfig
