/* A version with user-mode headers only (no km/): not a driver kit. */
#error "a version without km/ was picked"
