mod bad_input;
mod browser;
mod calendar;
mod concurrency;
mod door;
mod pages;
mod tickets;
