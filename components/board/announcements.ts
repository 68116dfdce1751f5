// What a screen reader hears while a card is dragged. dnd-kit's defaults name raw ids; a board
// must say which column (and lane) the card is in and where: "position n of m".

export interface Spot {
  column: string;
  /** Swimlane title, when the board is split into lanes. */
  lane?: string;
  position: number;
  total: number;
}

function where({ column, lane, position, total }: Spot): string {
  return `${column}${lane ? `, lane ${lane}` : ""}, position ${position} of ${total}`;
}

export const announce = {
  pickedUp: (key: string, spot: Spot) => `Picked up ${key}. In ${where(spot)}.`,
  movedTo: (key: string, spot: Spot) => `${key} moved to ${where(spot)}.`,
  refused: (key: string, column: string, reason: string) => `${key} cannot be dropped in ${column}. ${reason}`,
  dropped: (key: string, spot: Spot) => `Dropped ${key} in ${where(spot)}.`,
  cancelled: (key: string, spot: Spot) => `Cancelled. ${key} is back in ${where(spot)}.`,
};

export const screenReaderInstructions = {
  draggable:
    "To move a card, press Space to pick it up. Use the up and down arrow keys to move it within a column, " +
    "and the left and right arrow keys to move it to another column. Press Space again to drop it, or Escape to cancel. " +
    "Press Enter to open the card.",
};
