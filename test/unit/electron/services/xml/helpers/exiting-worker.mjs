// Ends without answering.
process.exit(3);
