"""Documents other than the shipped report: read a file or pasted text into paragraphs (extract), give them the
report's structure (structure), and open them as a Report (open). Qt-free, like the rest of core."""
