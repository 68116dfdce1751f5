// The definitions each report follows (issue 13), shown next to its chart.
export const DEFINITIONS = {
  burndown:
    "Remaining = points of the sprint's cards not finished, step by step from the start to the planned end. Scope added, removed or re-estimated after the start is a marked step of its own; the guideline runs from the commitment at the start to zero at the planned end. The burnup shows points completed against the sprint's scope.",
  velocity:
    "Per closed sprint: points committed at its start, and points finished within it (work added while it ran included). The line is the average completed.",
  cfd: "For each day, the cards in each column at the end of that day, columns in board order (finished at the bottom). Cards created that day count in their column.",
  cycleTime:
    "Cycle time = (finished date − started date) + 1 in calendar days of the project's time zone. Started is a card's first entry into a started-or-later column; finished is its last entry into a finished column. Percentiles by nearest rank. Select a dot to open the card.",
  aging:
    "Age of each started, unfinished card = (today − started date) + 1 days, in its current column, against the percentile zones of the cycle times of cards finished in the range. A card above p85 is older than 85 % of past work. Select a dot to open the card.",
  throughput: "Cards finished per day, or per ISO week (starting Monday), zeros included.",
  forecastItems:
    "Monte Carlo: 10,000 trials each replay days of throughput drawn at random from the window until the cards are done. Each line is the date by which that share of trials had finished.",
  forecastUntil:
    "Monte Carlo: 10,000 trials each replay days of throughput drawn at random from the window up to the date. Each line is a count that share of trials reached or passed.",
} as const;
