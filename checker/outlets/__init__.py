"""Many articles, one report: what each outlet carried of the report's findings, and
where outlets disagree (``checker compare``).

``points`` reads the report's checkable findings; ``carried`` ties each article's
checked claims to them; ``agreement`` sets the outlets' claims about the same thing side
by side; ``coverage`` assembles the map every compare format reads; ``run`` checks the
articles and builds the maps.  Nothing here imports a reporter or the command line.
"""
