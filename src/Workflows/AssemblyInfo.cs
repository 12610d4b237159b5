// ServiceWindow.Workflows: the pure domain (definitions, engine, calendar, clock).
// Nothing here performs I/O or reads the system clock; time arrives as a value or a TimeProvider.
[assembly: System.CLSCompliant(false)]
