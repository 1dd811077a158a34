"""Live plots of a trace: each shows what is known at the stepper's event and leaves the future
blank (NaN). Plot items are created once per trace shape and updated with setData/setImage."""
