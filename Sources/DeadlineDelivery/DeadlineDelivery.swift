// DeadlineDelivery
