// DeadlineService
