INPUTS = {"sales": [{"id": 1}]}
