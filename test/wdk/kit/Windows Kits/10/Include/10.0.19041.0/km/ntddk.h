/* An older kit version: kstidy picks the highest version with km/. */
#error "the older kit 10.0.19041.0 was picked"
