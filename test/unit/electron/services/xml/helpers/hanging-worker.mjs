// Never answers: stands in for a parser stuck in a loop.
for (;;) {
  // busy on purpose
}
