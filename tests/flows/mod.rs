mod bad_input;
mod calendar;
mod concurrency;
mod door;
mod pages;
mod tickets;
