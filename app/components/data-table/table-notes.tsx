/** The plain sentences about parts of a table's address that were ignored (a bad filter value, say). */
export function TableNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <div className="claims-notes" role="note">
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
